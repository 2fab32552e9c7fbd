'use client';

import type { AuthCodeInput } from '@authcode/core';
import { superAppHostOr } from '@authcode/core/hosts';
import { createSimulatedSuperApp, readTestHooks } from '@authcode/example-shared';
import { AuthCodeProvider } from '@authcode/react';
import { useState, type ReactNode } from 'react';
import { ConsentSheet } from './ConsentSheet';

/**
 * The flow of the whole app, for the root layout. Nothing here touches the host while rendering, on
 * the server or in the browser: `superAppHostOr` reads the global `my` only when a request starts
 * (after a click, in the browser), and calls the fallback only outside a super app.
 */
export function AuthCodeRoot({ children }: { children: ReactNode }) {
  // One simulated super app per mounted layout, never one per module: a server renders many
  // requests in one process. On the server it is created, never called, and dropped with the render.
  const [superApp] = useState(() => createSimulatedSuperApp(readTestHooks()));
  const [input] = useState<AuthCodeInput>(() => ({ host: superAppHostOr(() => superApp.host) }));
  return (
    <AuthCodeProvider input={input}>
      {children}
      {/* The super app's sheet, over whichever route asked; it never opens inside a super app. */}
      <ConsentSheet superApp={superApp} />
    </AuthCodeProvider>
  );
}
