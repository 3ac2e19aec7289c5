import type { CatalogueEntry } from '../types';
import { AUDIO } from './audio';
import { FLUX_GROK_GPT_IMAGE } from './image-flux-grok-gpt';
import { GOOGLE_IMAGE } from './image-google';
import { IDEOGRAM_QWEN_IMAGE } from './image-ideogram-qwen';
import { SEEDREAM_IMAGE } from './image-seedream';
import { TOOL_IMAGE } from './image-tools';
import { BYTEDANCE_VIDEO } from './video-bytedance';
import { GROK_HAPPYHORSE_VIDEO } from './video-grok-happyhorse';
import { HAILUO_SORA_VIDEO } from './video-hailuo-sora';
import { KLING_VIDEO } from './video-kling';
import { OTHER_VIDEO } from './video-other';
import { WAN_VIDEO } from './video-wan';

/** Every Market (`/api/v1/jobs/createTask`) model, images first, then video, then audio. */
export const MARKET_ENTRIES: readonly CatalogueEntry[] = [
	...GOOGLE_IMAGE,
	...SEEDREAM_IMAGE,
	...FLUX_GROK_GPT_IMAGE,
	...IDEOGRAM_QWEN_IMAGE,
	...TOOL_IMAGE,
	...KLING_VIDEO,
	...BYTEDANCE_VIDEO,
	...WAN_VIDEO,
	...HAILUO_SORA_VIDEO,
	...GROK_HAPPYHORSE_VIDEO,
	...OTHER_VIDEO,
	...AUDIO,
];
