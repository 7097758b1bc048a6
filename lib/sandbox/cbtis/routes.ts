/** Where the CBTIS stand-in answers, as app/sandbox/cbtis serves it. */
export const CBTIS_SANDBOX_PREFIX = "/sandbox/cbtis";
export const CBTIS_SANDBOX_API_PREFIX = `${CBTIS_SANDBOX_PREFIX}/mch-api/v1/`;
export const CBTIS_SANDBOX_CONTROL_PATH = `${CBTIS_SANDBOX_PREFIX}/control`;
