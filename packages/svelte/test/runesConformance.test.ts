import { describeConformance } from '@authcode/conformance';
import { runesDriver } from './runesDriver';

describeConformance(runesDriver);
