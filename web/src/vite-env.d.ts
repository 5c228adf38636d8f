// Vite's client types (asset `?url` imports, import.meta.env) for the web page's TypeScript.
/// <reference types="vite/client" />
