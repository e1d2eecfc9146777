export {};
//# sourceMappingURL=call-spec.js.map