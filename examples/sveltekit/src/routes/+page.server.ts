import { initialSelection } from '@authcode/example-shared';
import type { PageServerLoad } from './$types';

// What the page will ask for is data, serialised into the page for hydration. The flow itself (its
// status, code, grant or session) never is: it lives in the page component and runs in the browser.
export const load: PageServerLoad = () => ({ selection: initialSelection });
