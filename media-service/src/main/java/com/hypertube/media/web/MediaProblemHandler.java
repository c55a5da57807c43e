package com.hypertube.media.web;

import com.hypertube.web.ProblemDetailsAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every error of the media service into problem details; media-specific errors get handlers here. */
@RestControllerAdvice
class MediaProblemHandler extends ProblemDetailsAdvice {}
