import type { TokenUsage } from '../model/events.js';
import { isObject, num, obj, str } from './fields.js';
import type { AiRequest } from './request.js';
import { emptyAiResponse, readAiResponse, type AiOutputPart, type AiResponse, type AiToolCall } from './response.js';
import { contentText, finishOf, modelOf } from './langchain.js';
import { isOllamaResponse, ollamaToolCalls } from './ollama.js';
import { addUsage, mergeUsage, readUsage } from './usage.js';

/** Folds the chunks of an LLM stream, one at a time, into one AiResponse. */
export interface StreamAggregator {
  /**
   * Called by the observer for every chunk the consumer pulled; cheap, never throws. Only the
   * first chunk's time is kept (time to first chunk): `nowMs` if given, else the aggregator's
   * clock, read once per stream.
   */
  onChunk(chunk: unknown, nowMs?: number): void;
  /**
   * The aggregate so far, with a `stream` summary; built when asked for, and the same object
   * until another chunk arrives. `completed` defaults to whether a terminal chunk (finish
   * reason, `message_stop`, `response.completed`, `finish`) was seen.
   */
  result(outcome?: { completed?: boolean }): AiResponse;
  /** The error the stream reported in its last event (a Responses API `response.failed`), else undefined. */
  failure(): Error | undefined;
}

/** Most characters of text kept per output; the rest is counted, not kept. */
export const MAX_AGGREGATED_CHARS = 200_000;

interface ToolCallState {
  id: string | null;
  name: string | null;
  args: string;
  /** Set when the stream delivered the complete input (AI SDK `tool-call`, Responses `.done`). */
  final: unknown;
  /** The input as the call started, kept when no piece of it follows (Anthropic's `{}` of a tool without parameters). */
  initial?: unknown;
}

/** Pieces appended to a block before it is flattened (see TextBuffer). */
const BLOCK_PIECES = 128;

// `+=` builds a rope in V8: appending is O(1), but a rope of 1,000 tiny pieces is flattened later
// (when the text is masked or serialised) at ~35-90 ns a piece, its nodes long gone cold. So the
// pieces go into a block that is flattened every BLOCK_PIECES appends while it is still in cache,
// and the text is a short rope of flat blocks.
class TextBuffer {
  private blocks: string | null = null;
  private block = '';
  private pieces = 0;
  chars = 0;
  dropped = 0;

  add(text: string): void {
    if (this.chars >= MAX_AGGREGATED_CHARS) {
      this.dropped += text.length;
      return;
    }
    this.block += text;
    this.chars += text.length;
    if (++this.pieces === BLOCK_PIECES) {
      this.block.charCodeAt(0); // flattens the block
      this.blocks = this.blocks === null ? this.block : this.blocks + this.block;
      this.block = '';
      this.pieces = 0;
    }
  }

  /** The text so far as one flat string: the same string until more is added (masking looks it up by value, twice). */
  value(): string | null {
    if (this.blocks === null && this.pieces === 0) return null;
    if (this.pieces > 0) {
      this.blocks = this.blocks === null ? this.block : this.blocks + this.block;
      this.block = '';
      this.pieces = 0;
    }
    this.blocks!.charCodeAt(0); // flattens it
    return this.blocks;
  }
}

class Aggregator implements StreamAggregator {
  private chunks = 0;
  private firstAt: number | null = null;
  private api: string | null = null;
  private model: string | null = null;
  private provider: string | null = null;
  private responseId: string | null = null;
  private usage: TokenUsage | null = null;
  /** The id of the chat completion whose usage was read last. */
  private usageOf: string | null = null;
  private terminal = false;
  private readonly texts: TextBuffer[] = [];
  private readonly reasoning = new TextBuffer();
  /** Refusal text per output (OpenAI's `delta.refusal`), made when one arrives. */
  private refusals: TextBuffer[] | undefined = undefined;
  private readonly tools = new Map<string | number, ToolCallState>();
  /** Indexes of Anthropic content blocks of server-run tools (web search, MCP). */
  private serverBlocks: Set<number> | undefined = undefined;
  private readonly finishes: Array<string | null> = [];
  private final: AiResponse | null = null;
  private failed: Error | undefined = undefined;
  private completedOverride: boolean | undefined = undefined;
  private version = 0;
  private built: AiResponse | null = null;
  private builtVersion = -1;

  constructor(
    private readonly request: AiRequest | null,
    private readonly startedAtMs: number,
    private readonly clock: () => number,
  ) {}

  onChunk(chunk: unknown, nowMs?: number): void {
    this.chunks++;
    this.version++;
    if (this.firstAt === null) this.firstAt = nowMs ?? this.clock();
    try {
      if (typeof chunk === 'string') {
        this.text(0).add(chunk);
        return;
      }
      if (!isObject(chunk)) return;
      const type = chunk.type;
      if (typeof type === 'string') this.typed(type, chunk);
      else if (Array.isArray(chunk.choices)) this.openAiChunk(chunk);
      else if (Array.isArray(chunk.candidates) || chunk.usageMetadata !== undefined) this.geminiChunk(chunk);
      // Mistral's SDK wraps each chunk as a server-sent event: { data: chunk }. Only an own `data`:
      // Gemini's chunks have a `data` getter that warns on the console when read.
      else if (Object.hasOwn(chunk, 'data') && isObject(chunk.data) && Array.isArray(chunk.data.choices)) this.openAiChunk(chunk.data);
      else if (isOllamaResponse(chunk)) this.ollamaChunk(chunk);
    } catch {
      // A malformed chunk is counted and otherwise ignored.
    }
  }

  failure(): Error | undefined {
    return this.failed;
  }

  result(outcome?: { completed?: boolean }): AiResponse {
    if (outcome?.completed !== undefined && outcome.completed !== this.completedOverride) {
      this.completedOverride = outcome.completed;
      this.version++;
    }
    if (this.built === null || this.builtVersion !== this.version) {
      this.built = this.build();
      this.builtVersion = this.version;
    }
    return this.built;
  }

  private build(): AiResponse {
    const final = this.final;
    const response: AiResponse = final === null ? emptyAiResponse() : { ...final, extra: { ...final.extra } };
    try {
      response.api ??= this.api;
      response.model = this.model ?? response.model ?? this.request?.model ?? null;
      response.provider ??= this.provider;
      response.response_id ??= this.responseId;
      response.usage = this.usage ?? response.usage;
      const toolCalls = this.toolCalls();
      if (final === null || response.tool_calls.length === 0) response.tool_calls = toolCalls;
      const reasoning = this.reasoning.value();
      if (final === null || response.output_messages.length === 0) {
        response.output_messages = [];
        response.finish_reasons = [];
        const outputs = Math.max(this.texts.length, this.finishes.length, this.refusals?.length ?? 0, toolCalls.length > 0 || reasoning !== null ? 1 : 0);
        for (let i = 0; i < outputs; i++) {
          const parts: AiOutputPart[] = [];
          if (i === 0 && reasoning !== null) parts.push({ type: 'reasoning', text: reasoning });
          const text = this.texts[i]?.value() ?? null;
          if (text !== null) parts.push({ type: 'text', text });
          const refusal = this.refusals?.[i]?.value() ?? null;
          if (refusal !== null) parts.push({ type: 'refusal', text: refusal });
          if (i === 0) for (const call of toolCalls) parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: call.arguments });
          const finish = this.finishes[i] ?? null;
          if (finish !== null) response.finish_reasons.push(finish);
          response.output_messages.push({ role: 'assistant', parts, finish_reason: finish });
        }
        response.output_text = this.texts[0]?.value() ?? null;
        response.reasoning_text = reasoning;
      }
      const dropped = (this.texts[0]?.dropped ?? 0) + this.reasoning.dropped;
      if (dropped > 0) response.extra.stream_chars_not_kept = String(dropped);
    } catch {
      // Keep what was assembled.
    }
    response.stream = {
      chunk_count: this.chunks,
      time_to_first_chunk_ms: this.firstAt === null ? null : Math.max(0, this.firstAt - this.startedAtMs),
      completed: this.completedOverride ?? this.terminal,
    };
    return response;
  }

  private text(index: number): TextBuffer {
    if (index === 0 && this.texts.length > 0) return this.texts[0]!;
    let buffer = this.texts[index];
    if (buffer === undefined) {
      for (let i = this.texts.length; i <= index; i++) this.texts.push(new TextBuffer());
      buffer = this.texts[index]!;
    }
    return buffer;
  }

  private refusal(index: number): TextBuffer {
    const refusals = (this.refusals ??= []);
    while (refusals.length <= index) refusals.push(new TextBuffer());
    return refusals[index]!;
  }

  private tool(key: string | number): ToolCallState {
    let state = this.tools.get(key);
    if (state === undefined) {
      state = { id: null, name: null, args: '', final: undefined };
      this.tools.set(key, state);
    }
    return state;
  }

  private setFinish(index: number, reason: string): void {
    while (this.finishes.length <= index) this.finishes.push(null);
    this.finishes[index] = reason;
    this.terminal = true;
  }

  private toolCalls(): AiToolCall[] {
    const calls: AiToolCall[] = [];
    for (const state of this.tools.values()) {
      calls.push({
        id: state.id,
        name: state.name ?? 'unknown',
        arguments: state.final !== undefined ? state.final : state.args.length > 0 ? state.args : (state.initial ?? null),
      });
    }
    return calls;
  }

  // The hottest path (one call per chunk of the most common stream): direct property reads, no
  // helper calls; onChunk's try/catch covers a throwing getter.
  private openAiChunk(chunk: Record<string, any>): void {
    if (this.api === null) this.api = 'openai.chat';
    if (this.model === null) this.model = str(chunk.model);
    if (this.responseId === null) this.responseId = str(chunk.id);
    const usage = chunk.usage;
    if (typeof usage === 'object' && usage !== null) {
      // A streaming tool runner sends one completion per round, each with its own id and usage: those add up.
      const read = readUsage(usage);
      const id = str(chunk.id);
      this.usage = read !== null && this.usage !== null && id !== this.usageOf ? addUsage(this.usage, read) : mergeUsage(this.usage, read);
      this.usageOf = id;
    }
    const choices = chunk.choices as any[];
    for (let c = 0; c < choices.length; c++) {
      const choice = choices[c];
      if (typeof choice !== 'object' || choice === null) continue;
      const index = typeof choice.index === 'number' ? choice.index : 0;
      const delta = choice.delta;
      if (typeof delta === 'object' && delta !== null) {
        const content = delta.content;
        if (typeof content === 'string' && content.length > 0) this.text(index).add(content);
        const refusal = delta.refusal;
        if (typeof refusal === 'string' && refusal.length > 0) this.refusal(index).add(refusal);
        if (index === 0) {
          const reasoning = delta.reasoning_content ?? delta.reasoning;
          if (typeof reasoning === 'string' && reasoning.length > 0) this.reasoning.add(reasoning);
          const toolCalls = delta.tool_calls ?? delta.toolCalls;
          if (Array.isArray(toolCalls)) this.openAiToolDeltas(toolCalls);
        }
      } else {
        const text = choice.text; // legacy completions stream
        if (typeof text === 'string' && text.length > 0) this.text(index).add(text);
      }
      const finish = choice.finish_reason ?? choice.finishReason;
      if (typeof finish === 'string' && finish.length > 0) this.setFinish(index, finish);
    }
  }

  private openAiToolDeltas(toolCalls: unknown[]): void {
    for (const call of toolCalls) {
      const state = this.tool(num(obj(call)?.index) ?? 0);
      state.id ??= str(obj(call)?.id);
      const fn = obj(call)?.function;
      state.name ??= str(obj(fn)?.name);
      const piece = obj(fn)?.arguments;
      if (typeof piece === 'string') state.args += piece;
    }
  }

  private ollamaChunk(chunk: Record<string, unknown>): void {
    const message = obj(chunk.message);
    this.api ??= message !== undefined ? 'ollama.chat' : 'ollama.generate';
    this.provider = 'ollama';
    this.model ??= str(chunk.model);
    const text = str(message?.content) ?? str(chunk.response);
    if (text !== null && text.length > 0) this.text(0).add(text);
    const thinking = str(message?.thinking) ?? str(chunk.thinking);
    if (thinking !== null && thinking.length > 0) this.reasoning.add(thinking);
    for (const call of ollamaToolCalls(message?.tool_calls)) {
      const state = this.tool(this.tools.size);
      state.id = call.id;
      state.name = call.name;
      state.final = call.arguments;
    }
    if (chunk.done === true) {
      this.usage = readUsage(chunk) ?? this.usage;
      this.setFinish(0, str(chunk.done_reason) ?? 'stop');
    }
  }

  private langChainChunk(chunk: Record<string, unknown>): void {
    this.api ??= 'langchain';
    const meta = obj(chunk.response_metadata);
    this.model ??= modelOf(meta);
    this.responseId ??= str(chunk.id);
    const usage = readUsage(chunk.usage_metadata);
    if (usage !== null) this.usage = addUsage(this.usage, usage);
    const { text, reasoning } = contentText(chunk.content);
    if (text !== null) this.text(0).add(text);
    if (reasoning !== null) this.reasoning.add(reasoning);
    const toolChunks = chunk.tool_call_chunks;
    if (Array.isArray(toolChunks)) {
      for (const call of toolChunks) {
        const state = this.tool(num(obj(call)?.index) ?? str(obj(call)?.id) ?? this.tools.size);
        state.id ??= str(obj(call)?.id);
        state.name ??= str(obj(call)?.name);
        const piece = obj(call)?.args;
        if (typeof piece === 'string') state.args += piece;
      }
    }
    const finish = finishOf(meta);
    if (finish !== null) this.setFinish(0, finish);
  }

  private geminiChunk(chunk: Record<string, unknown>): void {
    this.api ??= 'gemini';
    this.model ??= str(chunk.modelVersion);
    this.responseId ??= str(chunk.responseId);
    const usage = readUsage(chunk.usageMetadata);
    if (usage !== null) this.usage = usage; // cumulative in every chunk
    const candidates = chunk.candidates;
    if (!Array.isArray(candidates)) return;
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[i];
      const index = num(obj(candidate)?.index) ?? i;
      const parts = obj(obj(candidate)?.content)?.parts;
      if (Array.isArray(parts)) {
        for (const part of parts) {
          const text = str(obj(part)?.text);
          const call = obj(part)?.functionCall;
          if (text !== null) {
            if (obj(part)?.thought === true) {
              if (index === 0) this.reasoning.add(text);
            } else this.text(index).add(text);
          } else if (index === 0 && isObject(call)) {
            const state = this.tool(this.tools.size);
            state.id = str(call.id);
            state.name = str(call.name);
            state.final = call.args ?? null;
          }
        }
      }
      const finish = str(obj(candidate)?.finishReason);
      if (finish !== null) this.setFinish(index, finish);
    }
  }

  private typed(type: string, chunk: Record<string, unknown>): void {
    switch (type) {
      // Anthropic Messages stream events (also what `client.messages.stream()` yields).
      case 'message_start': {
        this.api ??= 'anthropic.messages';
        const message = chunk.message;
        this.model ??= str(obj(message)?.model);
        this.responseId ??= str(obj(message)?.id);
        this.usage = mergeUsage(this.usage, readUsage(obj(message)?.usage));
        return;
      }
      case 'content_block_start': {
        const block = chunk.content_block;
        const blockType = str(obj(block)?.type);
        if (blockType === 'tool_use') {
          const state = this.tool(num(chunk.index) ?? this.tools.size);
          state.id = str(obj(block)?.id);
          state.name = str(obj(block)?.name);
          state.initial = obj(block)?.input;
        } else if (blockType === 'server_tool_use' || blockType === 'mcp_tool_use') {
          // Run by Anthropic, not by the caller: its input pieces are no tool call of the answer.
          (this.serverBlocks ??= new Set()).add(num(chunk.index) ?? -1);
        } else if (blockType === 'text') {
          const text = str(obj(block)?.text);
          if (text !== null) this.text(0).add(text);
        }
        return;
      }
      case 'content_block_delta': {
        const delta = chunk.delta;
        const deltaType = str(obj(delta)?.type);
        if (deltaType === 'text_delta') {
          const text = obj(delta)?.text;
          if (typeof text === 'string') this.text(0).add(text);
        } else if (deltaType === 'input_json_delta') {
          const piece = obj(delta)?.partial_json;
          const index = num(chunk.index) ?? 0;
          if (typeof piece === 'string' && this.serverBlocks?.has(index) !== true) this.tool(index).args += piece;
        } else if (deltaType === 'thinking_delta') {
          const thinking = obj(delta)?.thinking;
          if (typeof thinking === 'string') this.reasoning.add(thinking);
        }
        return;
      }
      case 'message_delta': {
        this.api ??= 'anthropic.messages';
        const reason = str(obj(chunk.delta)?.stop_reason);
        if (reason !== null) this.setFinish(0, reason);
        this.usage = mergeUsage(this.usage, readUsage(chunk.usage));
        return;
      }
      case 'message_stop':
        this.terminal = true;
        return;

      // Vercel AI SDK stream parts (fullStream).
      case 'text-delta': {
        const text = chunk.text ?? chunk.textDelta ?? chunk.delta;
        if (typeof text === 'string') this.text(0).add(text);
        this.api ??= 'ai-sdk';
        return;
      }
      case 'reasoning-delta': {
        const text = chunk.text ?? chunk.delta;
        if (typeof text === 'string') this.reasoning.add(text);
        return;
      }
      case 'tool-input-start': {
        const state = this.tool(str(chunk.id) ?? this.tools.size);
        state.id = str(chunk.id);
        state.name = str(chunk.toolName);
        return;
      }
      case 'tool-input-delta': {
        const piece = chunk.delta;
        if (typeof piece === 'string') this.tool(str(chunk.id) ?? 0).args += piece;
        return;
      }
      case 'tool-call': {
        const state = this.tool(str(chunk.toolCallId) ?? this.tools.size);
        state.id = str(chunk.toolCallId);
        state.name = str(chunk.toolName);
        state.final = chunk.input ?? chunk.args ?? null;
        return;
      }
      case 'finish-step': {
        this.api ??= 'ai-sdk';
        const meta = chunk.response;
        this.model = str(obj(meta)?.modelId) ?? this.model;
        this.responseId = str(obj(meta)?.id) ?? this.responseId;
        return;
      }
      case 'finish': {
        this.api ??= 'ai-sdk';
        const usage = readUsage(chunk.totalUsage ?? chunk.usage);
        if (usage !== null) this.usage = usage;
        const reason = str(chunk.finishReason);
        if (reason !== null) this.setFinish(0, reason);
        this.terminal = true;
        return;
      }

      // LangChain.js AIMessageChunks (`model.stream()`): usage comes in parts that add up.
      case 'ai':
        this.langChainChunk(chunk);
        return;

      // OpenAI Responses API stream events.
      case 'response.created':
      case 'response.in_progress': {
        this.api = 'openai.responses';
        const response = chunk.response;
        this.model ??= str(obj(response)?.model);
        this.responseId ??= str(obj(response)?.id);
        return;
      }
      case 'response.output_text.delta': {
        const delta = chunk.delta;
        if (typeof delta === 'string') this.text(0).add(delta);
        return;
      }
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta': {
        const delta = chunk.delta;
        if (typeof delta === 'string') this.reasoning.add(delta);
        return;
      }
      case 'response.output_item.added': {
        const item = chunk.item;
        if (obj(item)?.type === 'function_call' || obj(item)?.type === 'custom_tool_call') {
          const state = this.tool(num(chunk.output_index) ?? this.tools.size);
          state.id = str(obj(item)?.call_id) ?? str(obj(item)?.id);
          state.name = str(obj(item)?.name);
          const args = obj(item)?.arguments;
          if (typeof args === 'string') state.args = args;
        }
        return;
      }
      case 'response.function_call_arguments.delta':
      case 'response.custom_tool_call_input.delta': {
        const delta = chunk.delta;
        if (typeof delta === 'string') this.tool(num(chunk.output_index) ?? 0).args += delta;
        return;
      }
      case 'response.function_call_arguments.done': {
        const args = chunk.arguments;
        if (typeof args === 'string') {
          const state = this.tool(num(chunk.output_index) ?? 0);
          state.args = args;
        }
        return;
      }
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed': {
        // The terminal event carries the whole response: read it like a non-streamed one.
        const full = readAiResponse(chunk.response, this.request);
        this.final = full;
        if (type === 'response.failed') {
          const error = obj(obj(chunk.response)?.error);
          this.failed = Object.assign(new Error(str(error?.message) ?? 'the response failed'), { name: str(error?.code) ?? 'response.failed' });
        }
        this.api = 'openai.responses';
        this.model = full.model ?? this.model;
        this.usage = full.usage ?? this.usage;
        this.terminal = true;
        return;
      }
      default:
        if (type.startsWith('response.')) this.api ??= 'openai.responses';
    }
  }
}

/**
 * Creates the aggregator the core feeds with each chunk of an LLM stream as the consumer pulls it:
 * OpenAI chat chunks, Responses API events, Anthropic stream events, AI SDK stream parts, Gemini
 * chunks and plain text chunks. It keeps the aggregate only (text capped at MAX_AGGREGATED_CHARS).
 * `clock` (epoch milliseconds) dates the first chunk when `onChunk` is not given its time.
 *
 * @example
 * const aggregator = createStreamAggregator(request, Date.now());
 * for await (const chunk of stream) aggregator.onChunk(chunk);
 * aggregator.result().stream?.time_to_first_chunk_ms;
 */
export function createStreamAggregator(request: AiRequest | null, startedAtMs: number, clock: () => number = Date.now): StreamAggregator {
  return new Aggregator(request, startedAtMs, clock);
}
