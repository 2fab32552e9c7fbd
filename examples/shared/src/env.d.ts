// The library sources read `process.env.NODE_ENV` for development-only checks; Vite replaces it in
// the browser, so only its type is needed here (and `versions`, which tells a server runtime).
declare const process: { env: { NODE_ENV?: string }; versions?: { node?: string } };
