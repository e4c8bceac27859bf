/**
 * `GET /v1/calls/{id}/recording`: the audio of a completed call, as a WAV file. Public, like the
 * API's: no key, the call ID is the access token. The sandbox's recordings are a quiet tone as
 * long as the call (capped, to keep them small).
 */
import type { Context } from 'hono'
import { callProgress } from './calls.js'
import type { Store } from './store.js'

const SAMPLE_RATE = 8_000
const MAX_SECONDS = 5

/** 8-bit mono PCM: a 440 Hz tone at low volume. */
export function toneWav(seconds: number): Uint8Array<ArrayBuffer> {
  const samples = Math.round(SAMPLE_RATE * Math.min(Math.max(seconds, 0.5), MAX_SECONDS))
  const wav = new Uint8Array(new ArrayBuffer(44 + samples))
  const view = new DataView(wav.buffer)
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i++) wav[offset + i] = value.charCodeAt(i)
  }
  text(0, 'RIFF')
  view.setUint32(4, 36 + samples, true)
  text(8, 'WAVE')
  text(12, 'fmt ')
  view.setUint32(16, 16, true) // fmt chunk size
  view.setUint16(20, 1, true) // PCM
  view.setUint16(22, 1, true) // mono
  view.setUint32(24, SAMPLE_RATE, true)
  view.setUint32(28, SAMPLE_RATE, true) // bytes per second
  view.setUint16(32, 1, true) // block align
  view.setUint16(34, 8, true) // bits per sample
  text(36, 'data')
  view.setUint32(40, samples, true)
  for (let i = 0; i < samples; i++) {
    wav[44 + i] = 128 + Math.round(24 * Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE))
  }
  return wav
}

export const recordingHandler = (store: Store, now: () => number) => (c: Context) => {
  const callId = c.req.param('callId') ?? ''
  const found = store.findCall(callId)
  const progress = found && callProgress(found.call, now())
  if (!found || progress?.status !== 'completed') {
    return c.json({ detail: 'Recording not found' }, 404)
  }
  return new Response(toneWav(progress.durationSeconds ?? 0), {
    status: 200,
    headers: {
      'Content-Type': 'audio/wav',
      'Content-Disposition': `attachment; filename="recording-${callId}.wav"`,
    },
  })
}
