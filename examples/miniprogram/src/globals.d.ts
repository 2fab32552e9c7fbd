// What the host's framework defines in every module of a native mini program.
declare function App(options: Record<string, unknown>): void;
declare function Page(options: Record<string, unknown>): void;
