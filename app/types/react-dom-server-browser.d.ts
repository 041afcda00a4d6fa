// react-dom ships server.browser.js (the web-streams renderer) but @types/react-dom types it only as part of react-dom/server.
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
