import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectProvider, normaliseProviderName, providerOfModel } from '../../src/genai/provider.js';

describe('provider', () => {
  it('takes the explicit option first and normalises its spelling', () => {
    assert.equal(detectProvider({ explicit: 'google', clientKind: 'openai', model: 'gpt-4o' }), 'gcp.gemini');
    assert.equal(normaliseProviderName('azure'), 'azure.ai.openai');
    assert.equal(normaliseProviderName('mistral'), 'mistral_ai');
    assert.equal(normaliseProviderName('openai.responses'), 'openai');
    assert.equal(normaliseProviderName('anthropic.messages'), 'anthropic');
    assert.equal(normaliseProviderName('google.generative-ai'), 'gcp.gemini');
    assert.equal(normaliseProviderName('deepseek.chat'), 'deepseek');
  });

  it('knows Azure, OpenRouter and vendor hosts behind an OpenAI client', () => {
    assert.equal(detectProvider({ clientKind: 'openai', baseUrl: 'https://acme.openai.azure.com/openai', model: 'gpt-4o' }), 'azure.ai.openai');
    assert.equal(detectProvider({ clientKind: 'openai', baseUrl: 'https://openrouter.ai/api/v1', model: 'anthropic/claude-haiku-4-5' }), 'openrouter');
    assert.equal(detectProvider({ clientKind: 'openai', baseUrl: 'https://api.deepseek.com', model: 'deepseek-chat' }), 'deepseek');
    assert.equal(detectProvider({ clientKind: 'openai', baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai/', model: 'gemini-2.5-flash' }), 'gcp.gemini');
    assert.equal(detectProvider({ clientKind: 'openai', baseUrl: 'https://api.openai.com/v1' }), 'openai');
  });

  it('tells local servers apart by the model they serve', () => {
    assert.equal(detectProvider({ clientKind: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'llama3.1:8b' }), 'ollama');
    assert.equal(detectProvider({ clientKind: 'openai', baseUrl: 'http://127.0.0.1:1234/v1', model: 'qwen2.5-7b' }), 'lmstudio');
    assert.equal(detectProvider({ clientKind: 'openai', baseUrl: 'http://127.0.0.1:8000/v1', model: 'meta-llama/Llama-3.1-8B' }), 'meta');
    assert.equal(detectProvider({ clientKind: 'openai', baseUrl: 'http://127.0.0.1:8000/v1', model: 'my-finetune' }), 'local');
    // A local proxy forwarding a vendor's model names that vendor.
    assert.equal(detectProvider({ clientKind: 'openai', baseUrl: 'http://127.0.0.1:4000', model: 'gpt-4o-mini' }), 'openai');
  });

  it('falls back to the SDK client, then to the model id', () => {
    assert.equal(detectProvider({ clientKind: 'anthropic' }), 'anthropic');
    assert.equal(detectProvider({ clientKind: 'google-vertex' }), 'gcp.vertex_ai');
    assert.equal(detectProvider({ model: 'claude-haiku-4-5' }), 'anthropic');
    assert.equal(detectProvider({ model: 'o4-mini' }), 'openai');
    assert.equal(detectProvider({ model: 'omni-large' }), null); // not an o-series id
    assert.equal(detectProvider({}), null);
    assert.equal(providerOfModel('models/gemini-2.5-pro'), 'gcp.gemini');
    assert.equal(providerOfModel('mistralai/mistral-large'), 'mistral_ai');
  });
});
