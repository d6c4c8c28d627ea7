/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** optional online MapLibre style URL drawn under our layers */
  readonly VITE_BASEMAP_STYLE_URL?: string;
}
