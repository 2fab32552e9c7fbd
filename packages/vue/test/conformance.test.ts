import { describeConformance } from '@authcode/conformance';
import { vueDriver } from './vueDriver';

describeConformance(vueDriver);
