package com.hypertube.streaming.web;

import com.hypertube.web.ProblemDetailsAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every error of the streaming service into problem details; streaming-specific errors get handlers here. */
@RestControllerAdvice
class StreamingProblemHandler extends ProblemDetailsAdvice {}
