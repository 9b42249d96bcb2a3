/* Percent <-> mixer value. Loudness is heard on a log scale, so a control
 * with a dB range is driven by the fraction of its range in the power
 * domain: n = 10^((dB - max) / 60 dB), renormalised so 0 % is the bottom of
 * the range. This makes 50 % sound about half as loud as 100 % on a wide
 * range, instead of the near-silence a linear dB or raw scale gives. Narrow
 * ranges (24 dB or less) are already perceptually even and stay linear. */
#include <math.h>

#include "hearth_mixer.h"

/* Hundredths of a dB, ALSA's unit. */
enum { PERCEPTUAL_SPAN = 6000, LINEAR_RANGE_LIMIT = 2400 };

static int clamp_percent(int percent) { return percent < 0 ? 0 : (percent > 100 ? 100 : percent); }

long hearth_mixer_raw_from_percent(int percent, long raw_min, long raw_max) {
    if (raw_max <= raw_min)
        return raw_min;
    return raw_min + lround((double)(raw_max - raw_min) * clamp_percent(percent) / 100.0);
}

int hearth_mixer_percent_from_raw(long raw, long raw_min, long raw_max) {
    if (raw_max <= raw_min)
        return 100;
    return clamp_percent((int)lround(100.0 * (double)(raw - raw_min) / (double)(raw_max - raw_min)));
}

static double floor_fraction(long db_min, long db_max) {
    return pow(10.0, (double)(db_min - db_max) / PERCEPTUAL_SPAN);
}

long hearth_mixer_db_from_percent(int percent, long db_min, long db_max) {
    if (db_max <= db_min)
        return db_max;
    percent = clamp_percent(percent);
    if (db_max - db_min <= LINEAR_RANGE_LIMIT)
        return db_min + lround((double)(db_max - db_min) * percent / 100.0);
    if (percent == 0)
        return db_min;
    double low = floor_fraction(db_min, db_max);
    double fraction = low + (1.0 - low) * percent / 100.0;
    long db = db_max + lround(PERCEPTUAL_SPAN * log10(fraction));
    return db < db_min ? db_min : db;
}

int hearth_mixer_percent_from_db(long db, long db_min, long db_max) {
    if (db_max <= db_min)
        return 100;
    if (db <= db_min)
        return 0;
    if (db >= db_max)
        return 100;
    if (db_max - db_min <= LINEAR_RANGE_LIMIT)
        return clamp_percent((int)lround(100.0 * (double)(db - db_min) / (double)(db_max - db_min)));
    double low = floor_fraction(db_min, db_max);
    double fraction = pow(10.0, (double)(db - db_max) / PERCEPTUAL_SPAN);
    return clamp_percent((int)lround(100.0 * (fraction - low) / (1.0 - low)));
}
