// Vite turns `import url from 'file?url'` into the built file's address (pdf.js's worker is loaded so).
declare module '*?url' {
  const url: string
  export default url
}
