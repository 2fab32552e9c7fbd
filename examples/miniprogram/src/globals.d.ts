// What the host's framework defines in every module of a native mini program.
declare function App(options: Record<string, unknown>): void;
declare function Page(options: Record<string, unknown>): void;

/** The part of Alipay's `my.request` the sign-in page uses (opendocs.alipay.com/mini/api/owycmh). */
interface MyRequestAnswer {
  data: unknown;
  status: number;
  headers: Record<string, string>;
}

/** `fail`: `{ error, errorMessage }`; with an HTTP status error (19) the response comes along. */
interface MyRequestFailure {
  error?: number;
  errorMessage?: string;
  status?: number;
  data?: unknown;
}

interface MyRequestOptions {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  data?: string | Record<string, string>;
  dataType?: 'json' | 'text' | 'base64' | 'arraybuffer';
  timeout?: number;
  success?(answer: MyRequestAnswer): void;
  fail?(failure: MyRequestFailure): void;
  complete?(result: MyRequestAnswer | MyRequestFailure): void;
}

/** The host's API object, handed to every module of the mini program. */
declare const my: {
  request(options: MyRequestOptions): { abort(): void };
};
