// autocannon ships no types; bench/http.ts uses a small part of its API and checks the figures it reads.
declare module 'autocannon';
