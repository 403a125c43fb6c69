// The LLM provider's public surface.
export { LlmStatementExtractor, type LlmExtraction } from './llm-extractor.js';
export { llmOptionsFromEnv, llmOptionsSchema, type LlmOptions, type LlmOptionsInput } from './options.js';
export type { LlmExtractionMetrics } from './metrics.js';
export { GROUNDING_CHECK, type Confidence, type DroppedFigure, type GroundingStats, type LlmExtractedStatement } from './to-statement.js';
