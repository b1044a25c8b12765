// V8's heap growth for the harness process and each Cucumber worker, set before anything is loaded:
// the old generation grows by at most half of what survived before the next full collection (V8 allows
// up to four times). Reading a tenant's forest over LDAP (DirSync, 50,000 objects at 100k) leaves
// hundreds of megabytes of dead page objects that V8 otherwise lets pile up: measured there, the
// harness's heap peaked at 309 MB instead of 539, for about the same CPU.
require('node:v8').setFlagsFromString('--heap-growing-percent=50');
