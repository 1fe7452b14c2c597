// SPDX-License-Identifier: MIT
// Written by `endotwin calibrate` from validation/calibration.yaml; do not edit by hand (validation/CALIBRATION.md).
import type { CalibrationFile } from './calibration-file.js';

export const CALIBRATION: CalibrationFile = {
  "version": 1,
  "problem_sha256": "ef8614f8378dee358f1f612605686424d962c7ebb3085ea86fc9cbb35f270afb",
  "cases_sha256": {
    "ghigo-1994-ghrh-test-old-women": "1d8a4259f4e01087d5df13e0e228c5ab58796234f68b8ea3c28fae12dd63d723",
    "ghigo-1994-oral-ghrp6-old-women": "e059e75c2c875a2ab471c1fc7e8555047b83284de50ad40caba64f67f6161a82",
    "skjaerbaek-1996-rhgh-igf1-3iu": "5dbdac6871ec00bcd89969a82bf4836159e765adb9e451b91a454ebf9b11a131",
    "van-cauter-sleep-onset-young": "21994a0aa52f4316e3d7989c83c8fec6e78690f266e9886df5538bbba18e94ca",
    "van-cauter-sleep-onset-aged": "c9640016b6cc78517fd42749ad3009b2877fea1b1da6c18b89b7deb305be6cd7",
    "igf1-reference-female-30": "06d6b3ffec637ceb99ff32bd3df51b2ff5e09a93124eabdea236cd5bb0a4f3a4",
    "igf1-reference-female-70": "eee35c729d1422bad865df607b685d84114be325268a8b2743167f22b082f9c6",
    "igf1-reference-male-25": "5ef5b34259415caf8b496a871046c01c0c88f2236e5f6ae4f4fe7444ec552621",
    "igf1-reference-male-45": "8aa8474e29c322a37647586045155dfe8d9678f629486607ace1a8285d128cf7",
    "igf1-reference-male-65": "6a4be13595b7a6c945bd97907db0dc15cd74cd9b91febdc4d53c9206291aac37"
  },
  "values": {
    "sermorelin_ec50_ng_ml": 0.73127547,
    "ghrp6_f_oral": 0.0023742332
  },
  "posterior": {
    "names": [
      "sermorelin_ec50_ng_ml",
      "ghrp6_f_oral"
    ],
    "mean_log": [
      -0.31296505,
      -6.0430807
    ],
    "covariance_log": [
      [
        0.097617936,
        0
      ],
      [
        0,
        0.15727234
      ]
    ]
  }
};
