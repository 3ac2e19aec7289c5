import { z } from 'zod';
import { bool, market, num, numberChoice, prompt, text, url } from '../build';
import type { CatalogueEntry } from '../types';

/** Speech and sound models on the Market (ElevenLabs, Gemini TTS). Suno has its own endpoints. */

const tts = (id: string, name: string): CatalogueEntry =>
	market({
		id,
		name,
		category: 'audio',
		typicalSeconds: 20,
		input: z
			.object({
				text: prompt(5000, 1, 'Text to speak'),
				voice: text('Voice name or voice id (KIE default Rachel)', { min: 1 }).optional(),
				stability: num('Voice stability, 0–1', { min: 0, max: 1 }).optional(),
				similarity_boost: num('Similarity boost, 0–1', { min: 0, max: 1 }).optional(),
				style: num('Style exaggeration, 0–1', { min: 0, max: 1 }).optional(),
				speed: num('Speaking speed, 0.7–1.2', { min: 0.7, max: 1.2 }).optional(),
				timestamps: bool('Return word timestamps').optional(),
				previous_text: text('Text spoken before this one, for continuity').optional(),
				next_text: text('Text spoken after this one, for continuity').optional(),
				language_code: text('Language code (ISO 639-1), e.g. en').optional(),
			})
			.strict(),
	});

const geminiTts = (id: string, name: string): CatalogueEntry =>
	market({
		id,
		name,
		category: 'audio',
		typicalSeconds: 30,
		notes:
			'Fields come from a third-party SDK; voice and accent values are not checked here. Other fields pass through.',
		input: z
			.object({
				speakers: z
					.array(
						z
							.object({
								speaker_id: text('Speaker id, "Speaker 1", "Speaker 2"…', { min: 1 }),
								voice_name: text('Gemini voice name (PascalCase, e.g. Kore)', { min: 1 }),
								accent: text('Accent of the speaker', { min: 1 }),
								audio_profile: text('Free-text persona').optional(),
								style: text('Emotional delivery style').optional(),
								pace: text('Speaking pace').optional(),
							})
							.passthrough(),
					)
					.min(1)
					.describe('Speakers: [{speaker_id, voice_name, accent, …}]'),
				dialogue_turns: z
					.array(
						z
							.object({
								speaker_id: text('speaker_id from speakers', { min: 1 }),
								text: text('What is said', { min: 1 }),
							})
							.passthrough(),
					)
					.min(1)
					.describe('Turns in playback order: [{speaker_id, text}]'),
				temperature: num('Sampling temperature').optional(),
				scene: text('Scene or ambience').optional(),
				sample_context: text('Overall tone of the dialogue').optional(),
			})
			.passthrough(),
	});

export const AUDIO: CatalogueEntry[] = [
	tts('elevenlabs/text-to-speech-turbo-2-5', 'ElevenLabs Text to Speech Turbo 2.5'),
	tts('elevenlabs/text-to-speech-multilingual-v2', 'ElevenLabs Text to Speech Multilingual v2'),
	market({
		id: 'elevenlabs/text-to-dialogue-v3',
		name: 'ElevenLabs Text to Dialogue v3',
		category: 'audio',
		typicalSeconds: 40,
		input: z
			.object({
				dialogue: z
					.array(
						z
							.object({
								text: text('What is said', { min: 1 }),
								voice: text('Voice name or id', { min: 1 }),
							})
							.strict(),
					)
					.min(1)
					.describe('Lines of the dialogue: [{text, voice}]'),
				stability: numberChoice(
					[0, 0.5, 1],
					'Stability: 0 creative, 0.5 natural, 1 robust',
				).optional(),
				language_code: text('Language code (ISO 639-1), e.g. en').optional(),
			})
			.strict(),
	}),
	market({
		id: 'elevenlabs/sound-effect-v2',
		name: 'ElevenLabs Sound Effect v2',
		category: 'audio',
		typicalSeconds: 20,
		notes: 'No KIE docs page for this model; fields beyond these pass through.',
		input: z
			.object({
				text: prompt(undefined, 1, 'Describe the sound'),
				loop: bool('Make the sound loop seamlessly').optional(),
				duration_seconds: num('Length in seconds, 0.5–22', { min: 0.5, max: 22 }).optional(),
				prompt_influence: num('How closely to follow the text, 0–1 (KIE default 0.3)', {
					min: 0,
					max: 1,
				}).optional(),
				output_format: text('Audio format (KIE default mp3_44100_128)').optional(),
			})
			.passthrough(),
	}),
	market({
		id: 'elevenlabs/speech-to-text',
		name: 'ElevenLabs Speech to Text',
		category: 'text',
		typicalSeconds: 30,
		urlFields: ['audio_url'],
		notes: 'Returns text (resultObject: language_code, words, text), not a file.',
		input: z
			.object({
				audio_url: url('Audio to transcribe (MP3/WAV/AAC/MP4/OGG, up to 200 MB)'),
				language_code: text('Language code, if known').optional(),
				tag_audio_events: bool('Tag events such as (laughter)').optional(),
				diarize: bool('Tell speakers apart').optional(),
			})
			.strict(),
	}),
	market({
		id: 'elevenlabs/audio-isolation',
		name: 'ElevenLabs Audio Isolation',
		category: 'audio',
		typicalSeconds: 30,
		urlFields: ['audio_url'],
		input: z.object({ audio_url: url('Audio to clean (keeps the voice, removes noise)') }).strict(),
	}),
	geminiTts('google/gemini-2-5-pro-tts', 'Gemini 2.5 Pro TTS'),
	geminiTts('google/gemini-3-1-flash-tts', 'Gemini 3.1 Flash TTS'),
];
