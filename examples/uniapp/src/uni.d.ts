// The part of uni-app's `uni` the sign-in page uses; uni-app's compiler injects `uni` into every
// module (for mp-alipay: the API layer of @dcloudio/uni-mp-alipay over `my`).

/** `success` (and, on Alipay, `fail` for a status outside 2xx): the response under uni's names. */
interface UniRequestAnswer {
  data?: unknown;
  statusCode?: number;
  header?: Record<string, string>;
  errMsg: string;
}

interface UniRequestOptions {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  header?: Record<string, string>;
  data?: string | Record<string, unknown>;
  dataType?: string;
  timeout?: number;
  success?(answer: UniRequestAnswer): void;
  fail?(failure: UniRequestAnswer): void;
  complete?(result: UniRequestAnswer): void;
}

declare const uni: {
  request(options: UniRequestOptions): { abort(): void };
};
