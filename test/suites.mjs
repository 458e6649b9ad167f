// Extra gates that `npm test` runs after the test suites. Each returns { passed, failed, skipped }.
// (Issue-specific gates such as the Electron anti-pattern scan register here.)
export const extraSuites = [];
