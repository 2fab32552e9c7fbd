/// <reference types="vite/client" />

// The library sources read `process.env.NODE_ENV` for development-only checks; Vite replaces it.
declare const process: { env: { NODE_ENV?: string }; versions?: { node?: string } };
