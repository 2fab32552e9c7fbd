import { describeConformance } from '@authcode/conformance';
import { createReactDriver } from './support/reactDriver';
import { reactModes } from './support/reactModes';

for (const mode of reactModes) {
  describeConformance(createReactDriver(mode));
}
