import { describeConformance } from '@authcode/conformance';
import { svelte4Driver } from './svelte4Driver';

describeConformance(svelte4Driver);
