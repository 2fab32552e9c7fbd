import { coreDriver, describeConformance } from '../src/index';

// The reference run: every adapter must render the same status sequences as the bare core.
describeConformance(coreDriver);
