/* The system pocketsphinx library; only CSpeechRecognition includes it. */
#include <pocketsphinx.h>
