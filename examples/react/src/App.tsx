import type { AuthCodeInput } from '@authcode/core';
import {
  createMerchantSessionStore,
  createSimulatedSuperApp,
  createWalletCodeSource,
  initialSelection,
  isInsideSuperApp,
  readTestHooks,
  timeoutFor,
  type MaskedInspector,
  type MerchantServer,
  webViewHostIfAsked,
} from '@authcode/example-shared';
import { AuthCodeProvider } from '@authcode/react';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { AuthorizePanel } from './components/AuthorizePanel';
import { ConsentSheet } from './components/ConsentSheet';
import { Header } from './components/Header';
import { HostControls } from './components/HostControls';
import { InspectorAttachment, InspectorBanner } from './components/Inspector';
import { ResultPanel } from './components/ResultPanel';
import { ScopePicker } from './components/ScopePicker';
import { SignedInCard } from './components/SignedInCard';

// Read once: a page is inside a super app (or its <web-view>, with ?webview) or not for its whole life.
// At module load, before anything renders: in a web-view this takes the secret out of the address.
const webViewHost = webViewHostIfAsked();
const insideSuperApp = webViewHost !== undefined || isInsideSuperApp();

interface AppProps {
  inspector: MaskedInspector | undefined;
  /** Detected once, before the first render (main.tsx). */
  merchantServer: MerchantServer;
}

export function App({ inspector, merchantServer }: AppProps) {
  // Served by the merchant server: codes are exchanged for its session cookie; else the flow ends at the code.
  const [merchant] = useState(() =>
    merchantServer.kind === 'server' ? createMerchantSessionStore(merchantServer.session) : undefined,
  );
  // With the server, the simulated sheet gets real codes from its embedded wallet.
  const [superApp] = useState(() =>
    createSimulatedSuperApp(merchant ? { issueCode: createWalletCodeSource() } : readTestHooks()),
  );
  const { mode, sheet } = useSyncExternalStore(superApp.subscribe, superApp.getState);
  const [selection, setSelection] = useState(initialSelection);

  const timeoutMs = timeoutFor(mode);
  // Inside a super app the flow finds the global `my` itself; elsewhere the simulated host answers.
  const input = useMemo<AuthCodeInput>(
    () => ({
      host: insideSuperApp ? webViewHost : superApp.host,
      timeoutMs,
      ...(merchant ? { exchange: merchant.exchange } : {}),
    }),
    [superApp, merchant, timeoutMs],
  );

  return (
    <div className="page">
      <Header framework="React" insideSuperApp={insideSuperApp} />
      {/* The input is read when a flow is created: a new timeout means a new flow, hence the key. */}
      <AuthCodeProvider key={String(timeoutMs)} input={input}>
        {inspector && <InspectorAttachment inspector={inspector} />}
        <main className="content">
          {inspector && <InspectorBanner inspector={inspector} />}
          <ScopePicker selection={selection} onChange={setSelection} />
          {!insideSuperApp && <HostControls mode={mode} onChange={superApp.setMode} />}
          <AuthorizePanel selection={selection} />
          {merchant && <SignedInCard merchant={merchant} />}
          {/* With the server, a success is the signed-in card above. */}
          <ResultPanel showSuccess={!merchant} />
        </main>
        {!insideSuperApp && <ConsentSheet superApp={superApp} sheet={sheet} />}
      </AuthCodeProvider>
      <footer className="footer">
        Auth codes are only ever shown masked. Add <code>?inspect</code> to the URL to watch the flow in the
        XState inspector.
      </footer>
    </div>
  );
}
