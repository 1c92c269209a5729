// The per-class modules of rate-limiter-flexible ship no typings; functions/http/rateLimiterLibrary.ts
// gives them the package's own types.
declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  const RateLimiterMemory: unknown;
  export default RateLimiterMemory;
}
declare module 'rate-limiter-flexible/lib/RateLimiterDynamo.js' {
  const RateLimiterDynamo: unknown;
  export default RateLimiterDynamo;
}
declare module 'rate-limiter-flexible/lib/RateLimiterRes.js' {
  const RateLimiterRes: unknown;
  export default RateLimiterRes;
}
