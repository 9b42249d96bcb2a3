/*
 * Speech recognition over pocketsphinx: one decoder, several named searches
 * (a keyphrase for the wake word, a JSGF grammar for orders, the full
 * language model for free text), of which one is active at a time. Samples
 * are 16-bit mono at the acoustic model's rate (16 kHz for en-us).
 *
 * Not thread-safe: one thread drives a recognizer at a time.
 */
#ifndef HEARTH_RECOGNIZER_H
#define HEARTH_RECOGNIZER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hearth_recognizer hearth_recognizer;

enum { HEARTH_RECOGNIZER_ERROR_SIZE = 256, HEARTH_RECOGNIZER_WORD_SIZE = 64 };

/* The search created from `language_model`, when one was given. */
#define HEARTH_RECOGNIZER_LM_SEARCH "lm"

typedef struct hearth_recognizer_config {
    const char *acoustic_model; /* directory of the HMM */
    const char *dictionary;
    const char *language_model; /* NULL: no free-text search (saves its memory) */
    const char *log_file;       /* NULL: the decoder's log goes nowhere */
} hearth_recognizer_config;

/* One recognised word with its place in the utterance (10 ms frames). */
typedef struct hearth_recognizer_word {
    char word[HEARTH_RECOGNIZER_WORD_SIZE];
    int32_t start_frame;
    int32_t end_frame;
} hearth_recognizer_word;

hearth_recognizer *hearth_recognizer_create(const hearth_recognizer_config *config, char *error, size_t error_size);
void hearth_recognizer_destroy(hearth_recognizer *recognizer);

/* 1 when the dictionary has a pronunciation for `word`. */
int hearth_recognizer_knows_word(hearth_recognizer *recognizer, const char *word);
/* Adds a pronunciation: phones from the acoustic model's set, space separated.
 * Searches defined afterwards know the word (the language model's does not). */
int hearth_recognizer_add_word(hearth_recognizer *recognizer, const char *word, const char *phones);

/* Define (or replace) a search; not the one an open utterance runs on. */
/* `word_penalty` (0 < p <= 1) is charged for every word of a path: a low
 * value makes a loop of one-phone words costly against real words. */
int hearth_recognizer_set_grammar(hearth_recognizer *recognizer, const char *search, const char *jsgf,
                                  double word_penalty);
int hearth_recognizer_set_keyphrase(hearth_recognizer *recognizer, const char *search, const char *phrase, double threshold);
int hearth_recognizer_select(hearth_recognizer *recognizer, const char *search);

int hearth_recognizer_start(hearth_recognizer *recognizer);
int hearth_recognizer_process(hearth_recognizer *recognizer, const int16_t *samples, size_t count);
int hearth_recognizer_finish(hearth_recognizer *recognizer);

/* The best hypothesis so far (partial while the utterance is open), copied
 * into `text` (empty when there is none; `text` may be NULL when
 * `text_size` is 0); returns its length. `score` gets
 * the path score through the decoder's logmath (`logmath_log_to_ln` of its
 * scaled integer score). The decoder scores each frame against the frame's
 * best senone, so a path that fits the audio well scores near 0. */
size_t hearth_recognizer_hypothesis(hearth_recognizer *recognizer, char *text, size_t text_size, double *score);
/* The words of the best path, fillers and silences included, frames
 * counted from the utterance's start; returns how many there are (copies at
 * most `capacity`). */
size_t hearth_recognizer_words(hearth_recognizer *recognizer, hearth_recognizer_word *words, size_t capacity);
/* Seconds of audio fed to the current or last utterance. */
double hearth_recognizer_utterance_seconds(hearth_recognizer *recognizer);

/* The last error message (from a failed call above). */
const char *hearth_recognizer_error(hearth_recognizer *recognizer);

#ifdef __cplusplus
}
#endif

#endif
