import { describeConformance } from '@authcode/conformance';
import { svelteDriver } from './svelteDriver';

describeConformance(svelteDriver);
