import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals here, so @testing-library/react cannot register its own cleanup.
afterEach(cleanup);
