/** Jest transform: a .sql file becomes a module whose default export is its text (as esbuild's text loader does). */
module.exports = {
  process(source) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(source)} };` }
  },
}
