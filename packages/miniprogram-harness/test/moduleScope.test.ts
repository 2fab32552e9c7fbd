import { expect, it } from 'vitest';
import { createLogicLayer } from '../src/index.ts';

it('a module may declare a name the wrapper passes, as uni-app app.js does with const App', () => {
  const layer = createLogicLayer();
  const exports = layer.run(`"use strict"; const App = { name: 'own' }; module.exports = App.name;`);

  expect(exports).toBe('own');
  expect(layer.errors).toEqual([]);
});

it("a module's own use strict directive still applies", () => {
  const layer = createLogicLayer();

  expect(layer.run(`"use strict"; module.exports = (function () { return this; })() === undefined;`)).toBe(
    true,
  );
});
