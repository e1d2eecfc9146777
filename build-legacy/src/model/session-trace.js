export {};
//# sourceMappingURL=session-trace.js.map