// Cucumber profile used by `lync-harness run` (via the API) and by `npx cucumber-js` for development.
module.exports = {
  default: {
    requireModule: ['ts-node/register'],
    require: ['steps/**/*.ts'],
    paths: ['features/**/*.feature'],
    format: ['summary'],
  },
};
