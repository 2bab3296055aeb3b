/* Material's storage helpers (partials/javascripts/base.html), made inert: its bundle reads
   and writes palette, tabs, consent and other keys through these, and nothing may be stored
   about a reader without their choice. Loaded before the bundle, as Material's inline copy was. */
var __md_hash = (text) => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
var __md_get = () => null;
var __md_set = () => {};
