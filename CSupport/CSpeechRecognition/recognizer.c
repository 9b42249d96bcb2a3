#include "hearth_recognizer.h"

#include <pocketsphinx.h>
#include <sphinxbase/ckd_alloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hearth_recognizer {
    ps_decoder_t *decoder;
    cmd_ln_t *config;
    int in_utterance;
    /* Segment frames count on one timeline across utterances, silence the
     * decoder skipped included: samples fed in all, and where the current
     * utterance starts on that timeline. */
    uint64_t samples_fed;
    int64_t utterance_first_frame;
    int32 samples_per_frame;
    char error[HEARTH_RECOGNIZER_ERROR_SIZE];
};

/* Replacing the search an open utterance runs on would pull it from under
 * the decoder; any other search may change at any time. */
static int is_active(hearth_recognizer *recognizer, const char *search) {
    const char *current = ps_get_search(recognizer->decoder);
    return recognizer->in_utterance && current && strcmp(current, search) == 0;
}

static int fail(hearth_recognizer *recognizer, const char *what, const char *name) {
    snprintf(recognizer->error, sizeof recognizer->error, "%s%s%s", what, name ? ": " : "", name ? name : "");
    return -1;
}

hearth_recognizer *hearth_recognizer_create(const hearth_recognizer_config *config, char *error, size_t error_size) {
    hearth_recognizer *recognizer = calloc(1, sizeof *recognizer);
    if (!recognizer) {
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    recognizer->config = cmd_ln_init(NULL, ps_args(), TRUE,
                                     "-hmm", config->acoustic_model,
                                     "-dict", config->dictionary,
                                     "-logfn", config->log_file ? config->log_file : "/dev/null",
                                     /* The language model's second and third passes
                                      * (flat lexicon, lattice best path) run at the end
                                      * of the utterance, which is when the answer is
                                      * awaited; the first pass runs while it is spoken. */
                                     "-fwdflat", "yes", "-bestpath", "no",
                                     NULL);
    if (!recognizer->config) {
        snprintf(error, error_size, "bad recognizer configuration");
        free(recognizer);
        return NULL;
    }
    recognizer->decoder = ps_init(recognizer->config);
    if (!recognizer->decoder) {
        snprintf(error, error_size, "cannot load the speech models (%s, %s%s%s)", config->acoustic_model,
                 config->dictionary, config->language_model ? ", " : "",
                 config->language_model ? config->language_model : "");
        cmd_ln_free_r(recognizer->config);
        free(recognizer);
        return NULL;
    }
    recognizer->samples_per_frame = (int32)(cmd_ln_float32_r(recognizer->config, "-samprate") /
                                            cmd_ln_int32_r(recognizer->config, "-frate"));
    /* Added here rather than with -lm, which would name it "_default". */
    if (config->language_model && ps_set_lm_file(recognizer->decoder, HEARTH_RECOGNIZER_LM_SEARCH, config->language_model) < 0) {
        snprintf(error, error_size, "cannot load the language model %s", config->language_model);
        hearth_recognizer_destroy(recognizer);
        return NULL;
    }
    return recognizer;
}

void hearth_recognizer_destroy(hearth_recognizer *recognizer) {
    if (!recognizer) return;
    if (recognizer->in_utterance) ps_end_utt(recognizer->decoder);
    ps_free(recognizer->decoder);
    cmd_ln_free_r(recognizer->config);
    free(recognizer);
}

int hearth_recognizer_knows_word(hearth_recognizer *recognizer, const char *word) {
    char *phones = ps_lookup_word(recognizer->decoder, word);
    if (!phones) return 0;
    ckd_free(phones);
    return 1;
}

int hearth_recognizer_add_word(hearth_recognizer *recognizer, const char *word, const char *phones) {
    /* update=FALSE: rebuilding the active search per word costs up to a
     * second with the language model. Grammars and keyphrases defined
     * afterwards see the word; the language model's search, built at
     * creation, keeps its own vocabulary. */
    if (ps_add_word(recognizer->decoder, word, phones, FALSE) < 0) return fail(recognizer, "cannot add word", word);
    return 0;
}

int hearth_recognizer_set_grammar(hearth_recognizer *recognizer, const char *search, const char *jsgf,
                                  double word_penalty) {
    if (is_active(recognizer, search)) return fail(recognizer, "grammar change during its utterance", search);
    /* The grammar search reads its word insertion penalty and its beams
     * from the configuration when it is created; restore the defaults
     * afterwards so other searches keep theirs.
     *
     * The beams are far wider than the defaults. A grammar of orders is a
     * few hundred HMMs, so this costs little, and in noise (10 dB) the
     * default beams pruned the spoken order's path before the grammar's
     * end for one utterance in four: nothing was recognised at all. */
    static const char *const settings[] = {"-wip", "-beam", "-pbeam", "-wbeam"};
    const double values[] = {word_penalty, 1e-100, 1e-100, 1e-80};
    double previous[4];
    for (int index = 0; index < 4; index++) {
        previous[index] = cmd_ln_float_r(recognizer->config, settings[index]);
        cmd_ln_set_float_r(recognizer->config, settings[index], values[index]);
    }
    int status = ps_set_jsgf_string(recognizer->decoder, search, jsgf);
    for (int index = 0; index < 4; index++) cmd_ln_set_float_r(recognizer->config, settings[index], previous[index]);
    if (status < 0) return fail(recognizer, "invalid grammar", search);
    return 0;
}

int hearth_recognizer_set_keyphrase(hearth_recognizer *recognizer, const char *search, const char *phrase, double threshold) {
    if (is_active(recognizer, search)) return fail(recognizer, "keyphrase change during its utterance", search);
    /* The keyphrase search reads its threshold from the configuration when
     * it is created. */
    cmd_ln_set_float_r(recognizer->config, "-kws_threshold", threshold);
    if (ps_set_keyphrase(recognizer->decoder, search, phrase) < 0) return fail(recognizer, "invalid keyphrase", phrase);
    return 0;
}

int hearth_recognizer_select(hearth_recognizer *recognizer, const char *search) {
    if (recognizer->in_utterance) return fail(recognizer, "search change during an utterance", search);
    if (ps_set_search(recognizer->decoder, search) < 0) return fail(recognizer, "no such search", search);
    return 0;
}

int hearth_recognizer_start(hearth_recognizer *recognizer) {
    if (recognizer->in_utterance) ps_end_utt(recognizer->decoder);
    if (ps_start_utt(recognizer->decoder) < 0) return fail(recognizer, "cannot start an utterance", NULL);
    recognizer->in_utterance = 1;
    recognizer->utterance_first_frame = (int64_t)(recognizer->samples_fed / (uint64_t)recognizer->samples_per_frame);
    return 0;
}

int hearth_recognizer_process(hearth_recognizer *recognizer, const int16_t *samples, size_t count) {
    if (!recognizer->in_utterance) return fail(recognizer, "no utterance open", NULL);
    if (ps_process_raw(recognizer->decoder, samples, count, FALSE, FALSE) < 0)
        return fail(recognizer, "decoding failed", NULL);
    recognizer->samples_fed += count;
    return 0;
}

int hearth_recognizer_finish(hearth_recognizer *recognizer) {
    if (!recognizer->in_utterance) return 0;
    recognizer->in_utterance = 0;
    if (ps_end_utt(recognizer->decoder) < 0) return fail(recognizer, "cannot end the utterance", NULL);
    return 0;
}

size_t hearth_recognizer_hypothesis(hearth_recognizer *recognizer, char *text, size_t text_size, double *score) {
    int32 raw = 0;
    const char *hypothesis = ps_get_hyp(recognizer->decoder, &raw);
    if (score) *score = logmath_log_to_ln(ps_get_logmath(recognizer->decoder), raw);
    if (text_size > 0) text[0] = 0;
    if (!hypothesis) return 0;
    snprintf(text, text_size, "%s", hypothesis);
    return strlen(hypothesis);
}

size_t hearth_recognizer_words(hearth_recognizer *recognizer, hearth_recognizer_word *words, size_t capacity) {
    size_t count = 0;
    for (ps_seg_t *segment = ps_seg_iter(recognizer->decoder); segment; segment = ps_seg_next(segment)) {
        const char *text = ps_seg_word(segment);
        int start = 0, end = 0;
        ps_seg_frames(segment, &start, &end);
        /* Grammar paths hold null transitions, which sphinxbase names
         * "(NULL)": not words. */
        if (!text || strcmp(text, "(NULL)") == 0) continue;
        if (count < capacity) {
            hearth_recognizer_word *word = &words[count];
            snprintf(word->word, sizeof word->word, "%s", text);
            word->start_frame = start;
            word->end_frame = end;
        }
        count++;
    }
    for (size_t index = 0; index < count && index < capacity; index++) {
        words[index].start_frame -= (int32_t)recognizer->utterance_first_frame;
        words[index].end_frame -= (int32_t)recognizer->utterance_first_frame;
    }
    return count;
}

double hearth_recognizer_utterance_seconds(hearth_recognizer *recognizer) {
    uint64_t first_sample = (uint64_t)recognizer->utterance_first_frame * (uint64_t)recognizer->samples_per_frame;
    return (double)(recognizer->samples_fed - first_sample) / cmd_ln_float32_r(recognizer->config, "-samprate");
}

const char *hearth_recognizer_error(hearth_recognizer *recognizer) {
    return recognizer->error;
}
