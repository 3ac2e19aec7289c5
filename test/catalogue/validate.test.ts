import { findModel, formatIssues, validateInput } from '../../nodes/Kie/catalogue';
import type { InputIssue } from '../../nodes/Kie/catalogue';
import type { CatalogueEntry } from '../../nodes/Kie/catalogue/types';

function model(id: string): CatalogueEntry {
	const entry = findModel(id);
	if (!entry) throw new Error(`no catalogue entry ${id}`);
	return entry;
}

function issuesOf(id: string, input: unknown): InputIssue[] {
	const result = validateInput(model(id), input);
	if (result.ok)
		throw new Error(`${id}: expected a validation failure for ${JSON.stringify(input)}`);
	return result.issues;
}

function issueFor(issues: InputIssue[], field: string): InputIssue {
	const found = issues.find((i) => i.field === field);
	if (!found) throw new Error(`no issue for ${field}; got:\n${formatIssues(issues)}`);
	return found;
}

const kling = { prompt: 'A cat on a beach', duration: '5', mode: 'std', multi_shots: false };

describe('validateInput', () => {
	it('accepts a valid input and returns it unchanged (no coercion, no defaults)', () => {
		const result = validateInput(model('kling-3.0/video'), kling);
		expect(result).toEqual({ ok: true, value: kling });
	});

	it('reports a missing required field', () => {
		const issues = issuesOf('nano-banana-pro', { aspect_ratio: '1:1' });
		const issue = issueFor(issues, 'prompt');
		expect(issue.message).toBe('prompt: required');
		expect(issue.given).toBeUndefined();
	});

	it('lists the allowed values of a missing enum field', () => {
		const issue = issueFor(
			issuesOf('kling-3.0/video', { prompt: 'x', duration: '5', multi_shots: false }),
			'mode',
		);
		expect(issue.message).toBe('mode: required; allowed: std, pro, 4K');
	});

	it('rejects the number 5 for kling-3.0/video duration (a string there)', () => {
		const issue = issueFor(issuesOf('kling-3.0/video', { ...kling, duration: 5 }), 'duration');
		expect(issue.given).toBe(5);
		expect(issue.message).toMatch(/^duration: expected a string \(this model takes "3", "4", "5"/);
		expect(issue.message).toMatch(/got the number 5$/);
		expect(issue.allowed).toContain('"5"');
	});

	it('rejects the string "5" for wan/2-7-image-to-video duration (an integer there)', () => {
		const issue = issueFor(
			issuesOf('wan/2-7-image-to-video', { prompt: 'A cat', duration: '5' }),
			'duration',
		);
		expect(issue.message).toBe('duration: expected a number, got the string "5"');
		expect(issue.given).toBe('5');
	});

	it('rejects a fractional duration where whole numbers are required', () => {
		const issue = issueFor(
			issuesOf('wan/2-7-image-to-video', { prompt: 'A cat', duration: 5.5 }),
			'duration',
		);
		expect(issue.message).toBe('duration: expected a whole number, got the number 5.5');
	});

	it('names the allowed values on an enum violation', () => {
		const issue = issueFor(
			issuesOf('kling-3.0/video', { ...kling, aspect_ratio: '7:3' }),
			'aspect_ratio',
		);
		expect(issue.message).toBe('aspect_ratio: "7:3" is not allowed; allowed: 16:9, 9:16, 1:1');
		expect(issue.allowed).toBe('16:9, 9:16, 1:1');
	});

	it('handles number choices (4o nVariants 1 | 2 | 4)', () => {
		const wrongValue = issueFor(
			issuesOf('gpt4o-image/generate', { size: '1:1', prompt: 'x', nVariants: 3 }),
			'nVariants',
		);
		expect(wrongValue.message).toBe('nVariants: 3 is not allowed; allowed: 1, 2, 4');
		const wrongType = issueFor(
			issuesOf('gpt4o-image/generate', { size: '1:1', prompt: 'x', nVariants: '2' }),
			'nVariants',
		);
		expect(wrongType.message).toBe(
			'nVariants: expected a number (this model takes 1, 2, 4), got the string "2"',
		);
	});

	it('reports ranges and lengths', () => {
		const seeds = issueFor(issuesOf('veo3.1/generate', { prompt: 'x', seeds: 5 }), 'seeds');
		expect(seeds.message).toBe('seeds: the number 5 is too small; minimum 10000');
		expect(seeds.allowed).toBe('minimum 10000');
		const lyrics = issueFor(issuesOf('suno/lyrics', { prompt: 'a'.repeat(201) }), 'prompt');
		expect(lyrics.message).toBe('prompt: too long (201 characters); at most 200 characters');
		const empty = issueFor(issuesOf('suno/lyrics', { prompt: '' }), 'prompt');
		expect(empty.message).toBe('prompt: must not be empty');
		const many = issueFor(
			issuesOf('gpt4o-image/generate', { size: '1:1', filesUrl: ['a', 'b', 'c', 'd', 'e', 'f'] }),
			'filesUrl',
		);
		expect(many.message).toBe('filesUrl: has 6 items; at most 5 allowed');
	});

	it('reports nested fields with their path', () => {
		const issues = issuesOf('kling-3.0/video', {
			...kling,
			multi_shots: true,
			sound: true,
			multi_prompt: [{ prompt: 'shot one', duration: '3' }],
		});
		const issue = issueFor(issues, 'multi_prompt[0].duration');
		expect(issue.message).toBe('multi_prompt[0].duration: expected a number, got the string "3"');
	});

	it('rejects unknown fields on strict models and suggests the right name', () => {
		const issue = issueFor(
			issuesOf('seedream/4.5-edit', {
				prompt: 'Make it blue',
				image_url: 'https://example.com/a.png',
				aspect_ratio: '1:1',
				quality: 'basic',
			}),
			'image_url',
		);
		expect(issue.message).toMatch(
			/^image_url: not a field of seedream\/4\.5-edit; did you mean image_urls\?/,
		);
		expect(issue.allowed).toContain('image_urls');
	});

	it('lets unknown fields through on permissive ("ids only") models', () => {
		const result = validateInput(model('sora-2-characters'), { prompt: 'x', anything: 42 });
		expect(result).toEqual({ ok: true, value: { prompt: 'x', anything: 42 } });
	});

	it('rejects a non-object input', () => {
		for (const input of [null, 'text', 5, ['a']]) {
			const issues = issuesOf('nano-banana-pro', input);
			expect(issues).toHaveLength(1);
			expect(issues[0].field).toBe('(input)');
			expect(issues[0].message).toMatch(/^\(input\): expected an object of fields, got /);
		}
	});

	describe('Seedance 2: frames and references are mutually exclusive', () => {
		const base = { prompt: 'A dancer on a stage', web_search: false };

		it.each(['bytedance/seedance-2', 'bytedance/seedance-2-fast'])('%s rejects both', (id) => {
			const issue = issueFor(
				issuesOf(id, {
					...base,
					first_frame_url: 'https://example.com/first.png',
					reference_image_urls: ['https://example.com/ref.png'],
				}),
				'first_frame_url',
			);
			expect(issue.message).toContain('first_frame_url');
			expect(issue.message).toContain('reference_image_urls');
			expect(issue.message).toMatch(/cannot be combined/);
		});

		it('accepts either side alone, and empty reference lists', () => {
			const entry = model('bytedance/seedance-2');
			expect(validateInput(entry, { ...base, first_frame_url: 'u', last_frame_url: 'v' }).ok).toBe(
				true,
			);
			expect(
				validateInput(entry, { ...base, reference_video_urls: ['u'], reference_audio_urls: ['a'] })
					.ok,
			).toBe(true);
			expect(
				validateInput(entry, { ...base, first_frame_url: 'u', reference_image_urls: [] }).ok,
			).toBe(true);
		});

		it('needs web_search and takes duration as a whole number', () => {
			expect(
				issueFor(issuesOf('bytedance/seedance-2', { prompt: 'hello' }), 'web_search').message,
			).toBe('web_search: required');
			expect(
				issueFor(issuesOf('bytedance/seedance-2', { ...base, duration: '8' }), 'duration').message,
			).toBe('duration: expected a number, got the string "8"');
		});
	});

	describe('Suno custom-mode rules', () => {
		const base = { model: 'V5', instrumental: false };

		it('custom mode requires style and title, and prompt unless instrumental', () => {
			const issues = issuesOf('suno/generate', { ...base, customMode: true });
			expect(issueFor(issues, 'style').message).toBe('style: required when customMode is true');
			expect(issueFor(issues, 'title').message).toBe('title: required when customMode is true');
			expect(issueFor(issues, 'prompt').message).toMatch(
				/^prompt: required when customMode is true and instrumental is false/,
			);
		});

		it('custom instrumental needs no prompt', () => {
			const input = {
				...base,
				customMode: true,
				instrumental: true,
				style: 'Lo-fi',
				title: 'Rain',
			};
			expect(validateInput(model('suno/generate'), input)).toEqual({ ok: true, value: input });
		});

		it('non-custom mode needs a prompt of at most 500 characters', () => {
			expect(
				issueFor(issuesOf('suno/generate', { ...base, customMode: false }), 'prompt').message,
			).toBe('prompt: required when customMode is false');
			const long = issueFor(
				issuesOf('suno/generate', { ...base, customMode: false, prompt: 'x'.repeat(501) }),
				'prompt',
			);
			expect(long.message).toBe(
				'prompt: too long (501 characters); at most 500 characters when customMode is false',
			);
			expect(
				validateInput(model('suno/generate'), {
					...base,
					customMode: false,
					prompt: 'x'.repeat(500),
				}).ok,
			).toBe(true);
		});

		it('custom-mode limits depend on the model', () => {
			const input = {
				instrumental: false,
				customMode: true,
				style: 'Rock',
				title: 'T',
				prompt: 'x'.repeat(3001),
			};
			expect(
				issueFor(issuesOf('suno/generate', { ...input, model: 'V4' }), 'prompt').message,
			).toMatch(/at most 3000/);
			expect(validateInput(model('suno/generate'), { ...input, model: 'V5' }).ok).toBe(true);
		});

		it('the same rules apply to upload-cover', () => {
			const issues = issuesOf('suno/upload-cover', {
				...base,
				customMode: true,
				uploadUrl: 'https://example.com/a.mp3',
			});
			expect(issues.map((i) => i.field).sort()).toEqual(['prompt', 'style', 'title']);
		});

		it('extend with defaultParamFlag needs prompt, style, title and continueAt', () => {
			const issues = issuesOf('suno/extend', {
				defaultParamFlag: true,
				audioId: 'a1',
				model: 'V5',
			});
			expect(issues.map((i) => i.field).sort()).toEqual(['continueAt', 'prompt', 'style', 'title']);
			expect(
				validateInput(model('suno/extend'), { defaultParamFlag: false, audioId: 'a1', model: 'V5' })
					.ok,
			).toBe(true);
		});

		it('does not take a callBackUrl in the input (the Create action adds it)', () => {
			const issue = issueFor(
				issuesOf('suno/lyrics', { prompt: 'coffee', callBackUrl: 'https://example.com/cb' }),
				'callBackUrl',
			);
			expect(issue.message).toMatch(/^callBackUrl: not a field of suno\/lyrics/);
		});
	});

	describe('other cross-field rules', () => {
		it('Runway: 10 s cannot be 1080p; text-only needs aspectRatio', () => {
			const issues = issuesOf('runway/generate', {
				prompt: 'A fox',
				duration: 10,
				quality: '1080p',
			});
			expect(issueFor(issues, 'duration').message).toMatch(
				/10 cannot be combined with quality 1080p/,
			);
			expect(issueFor(issues, 'aspectRatio').message).toMatch(/required when no imageUrl/);
			expect(
				validateInput(model('runway/generate'), {
					prompt: 'A fox',
					duration: 5,
					quality: '1080p',
					aspectRatio: '16:9',
				}).ok,
			).toBe(true);
			expect(
				issueFor(
					issuesOf('runway/generate', {
						prompt: 'x',
						duration: '5',
						quality: '720p',
						aspectRatio: '1:1',
					}),
					'duration',
				).message,
			).toBe('duration: expected a number (this model takes 5, 10), got the string "5"');
		});

		it('4o Image needs a prompt or filesUrl', () => {
			const issue = issueFor(issuesOf('gpt4o-image/generate', { size: '1:1' }), 'prompt');
			expect(issue.message).toMatch(/required unless filesUrl or fileUrl is given/);
			expect(
				validateInput(model('gpt4o-image/generate'), {
					size: '1:1',
					filesUrl: ['https://example.com/a.png'],
				}).ok,
			).toBe(true);
		});

		it('Kling 3.0 multi-shot needs multi_prompt and sound', () => {
			const issues = issuesOf('kling-3.0/video', { duration: '5', mode: 'pro', multi_shots: true });
			expect(issues.map((i) => i.field).sort()).toEqual(['multi_prompt', 'sound']);
		});

		it('Midjourney video needs an image and motion, and takes no speed', () => {
			const issues = issuesOf('midjourney/generate', {
				taskType: 'mj_video',
				prompt: 'waves',
				speed: 'fast',
			});
			expect(issues.map((i) => i.field).sort()).toEqual(['fileUrls', 'motion', 'speed']);
		});

		it('Flux Kontext editing allows safetyTolerance 0–2 only', () => {
			const issue = issueFor(
				issuesOf('flux-kontext/generate', {
					prompt: 'x',
					inputImage: 'https://example.com/a.png',
					safetyTolerance: 5,
				}),
				'safetyTolerance',
			);
			expect(issue.message).toBe(
				'safetyTolerance: 5 is too high with inputImage (editing allows 0–2)',
			);
			expect(
				validateInput(model('flux-kontext/generate'), { prompt: 'x', safetyTolerance: 5 }).ok,
			).toBe(true);
		});
	});
});

describe('formatIssues', () => {
	it('writes one line per issue', () => {
		const issues = issuesOf('kling-3.0/video', {
			duration: 5,
			aspect_ratio: '7:3',
			multi_shots: false,
		});
		const text = formatIssues(issues);
		expect(text.split('\n')).toHaveLength(issues.length);
		expect(text).toContain('mode: required; allowed: std, pro, 4K');
		expect(text).toContain('aspect_ratio: "7:3" is not allowed; allowed: 16:9, 9:16, 1:1');
		expect(text).toContain('duration: expected a string');
	});

	it('is empty for no issues', () => {
		expect(formatIssues([])).toBe('');
	});
});
