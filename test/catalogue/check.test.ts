import { checkInput, formatIssues } from '../../nodes/Kie/catalogue/check';
import type { InputDefinition } from '../../nodes/Kie/catalogue/model';
import { interpretDocument } from '../../nodes/Kie/catalogue/schema';
import { realDocument } from './documents';

const veo = interpretDocument(realDocument('veo-3-1')).input!;
const seedance = interpretDocument(realDocument('bytedance/seedance-1.5-pro')).input!;
const gptImage = interpretDocument(realDocument('gpt-image-2-text-to-image')).input!;

function issues(definition: InputDefinition, model: string, input: unknown, allowUnknownFields = false): string {
	const result = checkInput(definition, model, input, { allowUnknownFields });
	return result.ok ? '' : formatIssues(result.issues);
}

describe('checkInput on real KIE documents', () => {
	it('accepts the documents\' own examples', () => {
		expect(issues(gptImage, 'gpt-image-2-text-to-image', { prompt: 'A cinematic night city poster', aspect_ratio: 'auto' })).toBe('');
		expect(issues(seedance, 'bytedance/seedance-1.5-pro', { prompt: 'A serene beach at sunset', aspect_ratio: '1:1', duration: 8, input_urls: ['https://file.example.com/a.png'] })).toBe('');
	});

	it('names the field, what was given and what is allowed', () => {
		const message = issues(gptImage, 'gpt-image-2-text-to-image', { prompt: 'x', resolution: '8K' });
		expect(message).toBe('resolution: "8K" is not allowed; allowed: "1K", "2K", "4K"');
	});

	it('refuses a missing required field with what it takes', () => {
		expect(issues(seedance, 'bytedance/seedance-1.5-pro', { prompt: 'A long enough prompt', aspect_ratio: '1:1' })).toBe(
			'duration: required, nothing given; allowed: a number',
		);
	});

	it('checks bounds: length, list size, and each list entry', () => {
		expect(issues(seedance, 'bytedance/seedance-1.5-pro', { prompt: 'ab', aspect_ratio: '1:1', duration: 4 })).toContain('prompt: 2 characters given; allowed: at least 3');
		const tooMany = issues(seedance, 'bytedance/seedance-1.5-pro', {
			prompt: 'A serene beach',
			aspect_ratio: '1:1',
			duration: 4,
			input_urls: ['https://a.example/1.png', 'https://a.example/2.png', 'https://a.example/3.png'],
		});
		expect(tooMany).toBe('input_urls: 3 entries given; allowed: at most 2');
		const notUrl = issues(seedance, 'bytedance/seedance-1.5-pro', { prompt: 'A serene beach', aspect_ratio: '1:1', duration: 4, input_urls: ['photo.png'] });
		expect(notUrl).toContain('input_urls[0]: "photo.png" is not a URL');
		expect(notUrl).toContain('Binary Inputs');
	});

	it('refuses unknown fields, saying KIE would bill anyway, unless allowed', () => {
		const message = issues(veo, 'veo-3-1', { prompt: 'A dog', aspect_ration: '16:9' });
		expect(message).toContain('aspect_ration: not a field of veo-3-1');
		expect(message).toContain('still bills the task');
		expect(message).toContain('Allow Fields Not in Schema');
		expect(message).toContain('aspect_ratio');
		expect(issues(veo, 'veo-3-1', { prompt: 'A dog', aspect_ration: '16:9' }, true)).toBe('');
	});

	it('accepts what KIE coerces: numeric strings for numbers, numbers for text, loose enum match', () => {
		expect(issues(seedance, 'bytedance/seedance-1.5-pro', { prompt: 'A serene beach', aspect_ratio: '1:1', duration: '8' })).toBe('');
		expect(issues(gptImage, 'gpt-image-2-text-to-image', { prompt: 12345 })).toBe('');
		const grok: InputDefinition = {
			branches: [{ title: 'Option 1', required: [], fields: [{ name: 'duration', type: 'string', enum: ['6', '10'] }, { name: 'n', type: 'integer', enum: [6, 10] }] }],
		};
		expect(issues(grok, 'grok-imagine/text-to-video', { duration: '6', n: '6' })).toBe('');
		expect(issues(grok, 'grok-imagine/text-to-video', { duration: 6, n: 6 })).toBe('');
		expect(issues(grok, 'grok-imagine/text-to-video', { duration: 'six' })).toBe('duration: "six" is not allowed; allowed: "6", "10"');
		expect(issues(seedance, 'bytedance/seedance-1.5-pro', { prompt: 'A serene beach', aspect_ratio: '1:1', duration: 'long' })).toBe('duration: expected a number, got "long"');
	});

	it('accepts null only where the schema says nullable', () => {
		const definition: InputDefinition = { branches: [{ title: 'Option 1', required: [], fields: [{ name: 'seed', type: 'integer', nullable: true }, { name: 'style', type: 'string' }] }] };
		expect(issues(definition, 'm', { seed: null })).toBe('');
		expect(issues(definition, 'm', { style: null })).toContain('style: null given');
	});

	it('refuses an input that is not an object', () => {
		expect(issues(veo, 'veo-3-1', ['prompt'])).toBe('(input): expected an object of fields, got ["prompt"]');
	});
});

describe('checkInput with a oneOf input', () => {
	const definition: InputDefinition = {
		branches: [
			{ title: 'From a task', required: ['task_id'], fields: [{ name: 'task_id', type: 'string' }] },
			{ title: 'From an image', required: ['image_url'], fields: [{ name: 'image_url', type: 'string', format: 'uri', isUrl: true }, { name: 'prompt', type: 'string' }] },
		],
	};

	it('takes the branch the input satisfies', () => {
		const byTask = checkInput(definition, 'x/upscale', { task_id: 't1' });
		expect(byTask.ok && byTask.branch.title).toBe('From a task');
		const byImage = checkInput(definition, 'x/upscale', { image_url: 'https://a.example/i.png', prompt: 'sharper' });
		expect(byImage.ok && byImage.branch.title).toBe('From an image');
	});

	it('refuses fields mixed across branches, naming the options', () => {
		const message = issues(definition, 'x/upscale', { task_id: 't1', image_url: 'https://a.example/i.png' });
		expect(message).toContain('must match exactly one of its options: "From a task" (required: task_id); "From an image" (required: image_url)');
		expect(message).toContain('belongs to another option');
	});

	it('refuses an input that satisfies no branch', () => {
		expect(issues(definition, 'x/upscale', { prompt: 'sharper' })).toContain('image_url: required, nothing given');
	});
});
