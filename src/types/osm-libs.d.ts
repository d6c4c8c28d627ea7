declare module 'tiny-osmpbf' {
  /** One object as tiny-osmpbf emits it (OSM-JSON, as Overpass gives it). */
  export interface TinyOsmElement {
    type: 'node' | 'way' | 'relation';
    id: number;
    lat?: number;
    lon?: number;
    nodes?: number[];
    members?: { type: 'node' | 'way' | 'relation'; ref: number; role: string }[];
    tags: Record<string, string>;
    version?: number;
    timestamp?: string;
    visible?: boolean;
  }
  export interface TinyOsmResult {
    version: number;
    generator: string;
    bounds?: { minlat: number; minlon: number; maxlat: number; maxlon: number };
    /** undefined when a handler is given */
    elements?: TinyOsmElement[];
  }
  /** Parse a whole .osm.pbf buffer synchronously; with `handler`, each object is passed to it instead of collected. */
  export default function tinyOsmPbf(
    input: Uint8Array,
    handler?: (element: TinyOsmElement) => void,
  ): TinyOsmResult;
}

declare module 'osmtogeojson' {
  import type { FeatureCollection, Geometry } from 'geojson';
  export interface OsmToGeoJsonOptions {
    flatProperties?: boolean;
    uninterestingTags?: Record<string, boolean> | ((tags: Record<string, string>, ignore: object) => boolean);
    polygonFeatures?: Record<string, unknown> | ((tags: Record<string, string>) => boolean);
    verbose?: boolean;
  }
  /** Properties of a feature with flatProperties: false. */
  export interface OsmToGeoJsonProps {
    type: 'node' | 'way' | 'relation';
    id: number;
    tags: Record<string, string>;
    meta: { version?: number; timestamp?: string };
    tainted?: boolean;
  }
  /** OSM-JSON ({ elements }) or an XML document → GeoJSON. */
  export default function osmtogeojson(
    data: { elements: unknown[] } | object,
    options?: OsmToGeoJsonOptions,
  ): FeatureCollection<Geometry, OsmToGeoJsonProps>;
}
