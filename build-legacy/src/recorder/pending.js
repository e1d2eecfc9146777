export {};
//# sourceMappingURL=pending.js.map