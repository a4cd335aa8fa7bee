#pragma once

// VERIFY_OK(result): fails the test with the error's text unless the Result or Status is
// ok. Not QVERIFY2(r.ok(), ...): QVERIFY2 evaluates its message even on success, and
// error() of a value is invalid.

#include <QTest>

#define VERIFY_OK(result)                                                                                    \
    do {                                                                                                     \
        const auto &r_ = (result);                                                                           \
        if (!r_.ok())                                                                                        \
            QFAIL(qPrintable(r_.error().toString()));                                                        \
    } while (false)
