/** An OpenAPI 3.x document as JSON: Keyport reads its `info` and rewrites its `servers`, nothing else. */
export type OpenApiObject = Record<string, unknown>;

/** One API of the provider's catalogue, as the public list shows it. */
export interface ApiSummary {
  slug: string;
  title: string;
  version: string;
  description: string | null;
  updatedAt: Date;
}

/** One API with its OpenAPI document. */
export interface ApiDocument extends ApiSummary {
  document: OpenApiObject;
}

/** Where an API is deployed on the AWS driver: the stage whose export `import` reads. */
export interface ApiStage {
  restApiId: string;
  stage: string;
}
