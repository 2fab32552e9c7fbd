import { useAuthCode } from '@authcode/react';
import { render, screen } from '@testing-library/react';
import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { expect, it } from 'vitest';
import xstateReactPackage from '@xstate/react/package.json' with { type: 'json' };
import xstatePackage from 'xstate/package.json' with { type: 'json' };

function Status() {
  const { status } = useAuthCode({ scopes: ['auth_base'] });
  return <p>{status}</p>;
}

it('runs the React suite on React 18.0, @xstate/react 5.0 and xstate 5.20', async () => {
  expect(reactVersion).toMatch(/^18\.0\.0\b/);
  expect(reactDomVersion).toMatch(/^18\.0\.0\b/);
  expect(xstateReactPackage.version).toBe('5.0.0');
  expect(xstatePackage.version).toBe('5.20.0');
  render(<Status />);
  expect(await screen.findByText('idle')).toBeTruthy();
});
