import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getResponse, http } from 'msw';
import { handlersByMethod } from './handlers-by-method';

const answer = (text: string) => () => new Response(text);

test('msw is given the handlers of the request method, in their order, and http.all in every list', async () => {
  const getA = http.get('*/a', answer('get a'));
  const any = http.all('*/a', answer('any a'));
  const postA = http.post('*/a', answer('post a'));
  const getB = http.get('*/b', answer('get b'));
  const forMethod = handlersByMethod([getA, any, postA, getB]);
  assert.deepEqual(forMethod('GET'), [getA, any, getB]);
  assert.deepEqual(forMethod('post'), [any, postA]);
  assert.deepEqual(forMethod('DELETE'), [any]);
  // The same answers as msw gives with every handler.
  for (const method of ['GET', 'POST', 'DELETE', 'PUT'])
    for (const path of ['/a', '/b']) {
      const request = () => new Request(`http://127.0.0.1${path}`, { method });
      const all = await getResponse([getA, any, postA, getB], request());
      const some = await getResponse(forMethod(method), request());
      assert.equal(await some?.text(), await all?.text(), `${method} ${path}`);
    }
});
