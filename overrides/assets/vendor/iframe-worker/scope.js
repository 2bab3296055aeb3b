/*
 * Part of the iframe-worker shim (MIT licence, Copyright (c) 2020-2022 Martin Donath, see
 * LICENSE in this folder), adapted for this site: the worker scope the original shim wrote as an
 * inline <script> into its iframe, as a static file a Content-Security-Policy can allow.
 * Runs inside the shim's iframe, before the worker script; the worker's URL comes from the
 * data-worker-url attribute of this script's element.
 */
"use strict";
(() => {
  const workerUrl = document.currentScript.dataset.workerUrl;
  // Material's worker takes the first script[src] of its document to be itself (it finds the
  // lunr language files beside it): leave only the worker's own element.
  document.currentScript.remove();

  window.postMessage = (message, origin) => parent.postMessage(message, origin || "*");

  window.importScripts = (...urls) => urls.reduce((loaded, url) => loaded.then(() =>
    new Promise((resolve) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      document.body.appendChild(script);
    })), Promise.resolve());

  addEventListener("error", ({ error }) => {
    parent.dispatchEvent(new ErrorEvent("error", { filename: workerUrl, error }));
  });
})();
