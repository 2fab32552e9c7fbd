/**
 * The merchant server this mini program signs in with (examples/server): one origin, in the host's
 * server domain whitelist. The tests route it to a server on loopback.
 */
export const SERVER_URL = 'https://merchant.example.com';
