export {};
//# sourceMappingURL=exporter.js.map